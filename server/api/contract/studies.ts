// The part of studies the screens may use: study designs, their labels and the risk-of-bias tools that fit them.
export { DESIGN_LABELS, DESIGNS, type Design, RISK_OF_BIAS_TOOLS } from "../../studies/designs";
