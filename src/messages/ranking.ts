/** The issues of ranking/ (declare each with `message` from ./types.js). */
export const RANKING_MESSAGES = {};
