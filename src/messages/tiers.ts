/** The issues of tiers/ (declare each with `message` from ./types.js). */
export const TIERS_MESSAGES = {};
