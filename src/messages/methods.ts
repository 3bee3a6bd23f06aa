/** The issues of methods/ (declare each with `message` from ./types.js). */
export const METHODS_MESSAGES = {};
