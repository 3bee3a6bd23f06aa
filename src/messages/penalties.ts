/** The issues of penalties/ (declare each with `message` from ./types.js). */
export const PENALTIES_MESSAGES = {};
