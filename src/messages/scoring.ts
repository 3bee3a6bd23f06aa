/** The issues of scoring/ (declare each with `message` from ./types.js). */
export const SCORING_MESSAGES = {};
