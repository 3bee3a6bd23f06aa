/*
 * The sizes beyond which input is refused up front (`out_of_range`, with a message from the
 * catalog), named in one place that imports nothing, so that any module can use them. Each is far
 * above real use (a national scheme has tens to hundreds of indicators; the service has about
 * 700,000 cadres in 22,044 units) and below what would take minutes or gigabytes. Other limits sit
 * beside the code they guard (MAX_BATCH, MAX_ISSUES, MAX_PERIODS, MAX_LEDGER_ENTRIES, the file
 * limits); docs/reliability.md lists them all.
 */

/**
 * The most indicators a scheme has, all its groups together. Real schemes have tens to hundreds;
 * one of this size is defined, and a subject scored, in well under a second. Beyond it the scheme
 * is refused before anything else in it is read.
 */
export const MAX_INDICATORS = 10_000;

/** The most groups a scheme has. */
export const MAX_GROUPS = 1000;

/** The most vetoes a scheme has, and the most a subject names. */
export const MAX_VETOES = 1000;

/** The most grades in the table of a `grade` or `votes` method (优, 良, 中 …), and in a task board's difficulty table. */
export const MAX_GRADES = 100;

/** The most steps of a `steps` method. */
export const MAX_STEPS = 1000;

/** The most bonus items a subject has, and the most deduction items. */
export const MAX_ADJUSTMENTS = 10_000;

/** The most flags a subject is given. */
export const MAX_FLAGS = 1000;

/** The most tasks on a task board. */
export const MAX_TASKS = 100_000;

/** The most seats of one task. */
export const MAX_SEATS = 10_000;

/**
 * The most seats of a task board, all its tasks together: the most owners an allocation gives
 * (filling every seat of every task by assignment, `assignSeats: "all"`, stays within it).
 */
export const MAX_BOARD_SEATS = 1_000_000;

/** The most grabs one allocation decides. */
export const MAX_GRABS = 1_000_000;

/** The most staff members one allocation knows. */
export const MAX_STAFF = 1_000_000;

/** The most bins of a comparison's histogram (its width divides the range of the totals into at most this many). */
export const MAX_HISTOGRAM_BINS = 10_000;
