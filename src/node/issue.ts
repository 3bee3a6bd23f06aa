import { issue, type Issue, type IssueCode } from "../core/errors.js";
import type { MessageParams } from "../messages/index.js";
import type { FILES_MESSAGES } from "../messages/files.js";

/** The message of an issue about a file: a key of the files' catalog, with its parameters (`file` first of all). @internal */
export type FileMessage = Extract<MessageParams, { key: keyof typeof FILES_MESSAGES }>;

/**
 * An issue about a file: no path inside the data, its message naming the file (and the line or
 * row) itself.
 * @internal
 */
export function fileIssue(code: IssueCode, params: FileMessage): Issue {
  return issue(code, [], params);
}

/** The messages saying a file cannot be read at all (as opposed to a mistake inside it). */
const UNREADABLE: ReadonlySet<string> = new Set<FileMessage["key"]>([
  "fileMissing",
  "fileIsFolder",
  "filePermission",
  "fileSystemError",
  "fileTooLarge",
  "textUndecodable",
  "textNotInEncoding",
  "textNul",
  "verifyNoPath",
  "verifyEmptyFolder",
]);

/**
 * Whether an issue says a file or folder cannot be read at all — missing, a folder, no permission,
 * too large, not text in any encoding read — rather than a mistake inside it.
 * @internal
 */
export function isUnreadable(item: Issue): boolean {
  return UNREADABLE.has(item.params.key);
}
