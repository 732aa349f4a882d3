// Runs before every test file (vitest's setupFiles): the domain events wired as a process wires them at start-up,
// so a decision made in a test asks for retraining as one made in the app does.
import { wireDomainEvents } from "../wiring/domain-events";

wireDomainEvents();
