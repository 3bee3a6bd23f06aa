/** The issues of scheme/ (declare each with `message` from ./types.js). */
export const SCHEME_MESSAGES = {};
