import { message } from "./types.js";

/** The kinds of rule document a rules folder holds, in each language. */
const KIND: { readonly [L in "zh-CN" | "en"]: Readonly<Record<RuleKind, string>> } = {
  "zh-CN": { scheme: "考评方案", tierPolicy: "等次政策", lastPlace: "末位政策", board: "任务清单", plan: "指标分解方案" },
  en: { scheme: "scheme", tierPolicy: "tier policy", lastPlace: "last-place policy", board: "task board", plan: "cascade plan" },
};

/** A kind of rule document a rules folder holds: a scheme, a tier policy, a last-place policy, a task board or a cascade plan. */
export type RuleKind = "scheme" | "tierPolicy" | "lastPlace" | "board" | "plan";

/** The issues of the HTTP service (`jixiao serve`, `jixiao/server`): requests it refuses, and rules folders it cannot load. */
export const SERVER_MESSAGES = {
  serverBodyTooLarge: message<{ limit: number }>({
    "zh-CN": (p) => `请求正文超过 ${p.limit} 字节的上限`,
    en: (p) => `the request body is larger than the limit of ${p.limit} bytes`,
  }),
  serverContentType: message<{ received: string }>({
    "zh-CN": (p) => `请求正文须为 JSON（Content-Type: application/json，UTF-8），收到的是「${p.received}」`,
    en: (p) => `the request body must be JSON (Content-Type: application/json, UTF-8), not "${p.received}"`,
  }),
  serverNotUtf8: message({
    "zh-CN": () => `请求正文不是有效的 UTF-8 文本`,
    en: () => `the request body is not valid UTF-8 text`,
  }),
  serverEmptyBody: message({
    "zh-CN": () => `请求正文为空，应为一个 JSON 对象`,
    en: () => `the request body is empty; it must be a JSON object`,
  }),
  serverNotFound: message<{ path: string }>({
    "zh-CN": (p) => `没有「${p.path}」这个接口；接口清单见 /openapi.json`,
    en: (p) => `there is no endpoint "${p.path}"; /openapi.json lists them`,
  }),
  serverMethod: message<{ method: string; allowed: readonly string[] }>({
    "zh-CN": (p, w) => `此接口不接受 ${p.method} 请求，只接受 ${w.list(p.allowed)}`,
    en: (p, w) => `this endpoint does not take ${p.method}; it takes ${w.list(p.allowed)}`,
  }),
  serverBusy: message<{ limit: number }>({
    "zh-CN": (p) => `服务正忙：已有 ${p.limit} 个请求在处理，请稍后重试`,
    en: (p) => `the service is busy with ${p.limit} requests; try again shortly`,
  }),
  serverTimeout: message<{ seconds: number }>({
    "zh-CN": (p) => `请求处理超过 ${p.seconds} 秒的时限，已中止；请分批提交`,
    en: (p) => `the request took longer than the limit of ${p.seconds} seconds and was stopped; send it in smaller batches`,
  }),
  serverClosing: message({
    "zh-CN": () => `服务正在停止，不再接受新请求`,
    en: () => `the service is shutting down and takes no new requests`,
  }),
  serverUnexpected: message<{ id: string }>({
    "zh-CN": (p) => `服务内部出错（请求编号 ${p.id}），请将编号告知管理员`,
    en: (p) => `the service failed unexpectedly (request ${p.id}); tell its administrator the request id`,
  }),
  serverTooManyItems: message<{ count: number; limit: number }>({
    "zh-CN": (p) => `一次请求最多 ${p.limit} 项，收到 ${p.count} 项；请分批提交`,
    en: (p) => `a request takes at most ${p.limit} items, not ${p.count}; send it in smaller batches`,
  }),
  serverUnknownRule: message<{ id: string; ids: readonly string[] }>({
    "zh-CN": (p, w) => `规则目录中没有编号为「${p.id}」的文档${p.ids.length > 0 ? `（已载入：${w.list(p.ids)}）` : "（未载入任何规则）"}`,
    en: (p, w) => `no rule document has the id "${p.id}"${p.ids.length > 0 ? ` (loaded: ${w.list(p.ids)})` : " (no rules are loaded)"}`,
  }),
  serverRuleKind: message<{ id: string; kind: RuleKind; wanted: RuleKind }>({
    "zh-CN": (p) => `「${p.id}」是${KIND["zh-CN"][p.kind]}，这里要的是${KIND["zh-CN"][p.wanted]}`,
    en: (p) => `"${p.id}" is a ${KIND.en[p.kind]}, where a ${KIND.en[p.wanted]} is wanted`,
  }),
  serverInputInline: message({
    "zh-CN": () => `输入数据须直接写在请求中；只有规则可以用编号指代规则目录中的文档`,
    en: () => `input data is sent in the request itself; only rules may name a document of the rules folder by its id`,
  }),
  serverUnknownSubject: message<{ id: string }>({
    "zh-CN": (p) => `请求的考评对象中没有「${p.id}」`,
    en: (p) => `no subject of the request has the id "${p.id}"`,
  }),
  serverRuleDuplicate: message<{ id: string; file: string; other: string }>({
    "zh-CN": (p) => `${p.file}：编号「${p.id}」已被 ${p.other} 使用；规则目录中的编号须唯一`,
    en: (p) => `${p.file}: the id "${p.id}" is taken by ${p.other}; ids are unique in a rules folder`,
  }),
  serverRulesEmpty: message<{ folder: string }>({
    "zh-CN": (p) => `${p.folder}：没有规则文件（*.scheme.json、*.policy.yaml、*.last-place.json、*.board.json、*.plan.yaml …）`,
    en: (p) => `${p.folder}: holds no rule files (*.scheme.json, *.policy.yaml, *.last-place.json, *.board.json, *.plan.yaml …)`,
  }),
  serverRulesNotFolder: message<{ folder: string }>({
    "zh-CN": (p) => `${p.folder}：不是一个可读取的目录`,
    en: (p) => `${p.folder}: is not a folder that can be read`,
  }),
  serverIssuesHead: message<{ count: number }>({
    "zh-CN": (p) => `请求有 ${p.count} 处问题`,
    en: (p) => `the request has ${p.count} issue${p.count === 1 ? "" : "s"}`,
  }),
};
