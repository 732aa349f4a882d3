// How long a team note may be: pure, so the note box and the server hold the same limit.
export const MAX_NOTE = 5000;
