/** The issues of cli/ (declare each with `message` from ./types.js). */
export const CLI_MESSAGES = {};
