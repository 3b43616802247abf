import type { Explained, Text } from "../core/model";

/** Why the engine could not answer, each with a sentence that says what to do. */
export type EngineErrorCode = "stale" | "crashed" | "unavailable";

const MESSAGES: Record<EngineErrorCode, Text> = {
  stale: {
    vi: "Kết quả trước đó không còn (thao tác đã bị hủy hoặc đã chạy lại). Hãy chạy lại bước này.",
    en: "The earlier result is gone (the work was cancelled or run again). Run this step again.",
  },
  crashed: {
    vi: "Bộ xử lý dữ liệu của ngăn tác vụ dừng đột ngột, có thể do thiếu bộ nhớ. Hãy đóng bớt các tệp, ứng dụng đang mở rồi thử lại.",
    en: "The pane's data engine stopped, perhaps for lack of memory. Close some files and applications, then try again.",
  },
  unavailable: {
    vi: "Không khởi động được bộ xử lý dữ liệu của ngăn tác vụ. Hãy đóng rồi mở lại ngăn tác vụ.",
    en: "The pane's data engine could not start. Close and reopen the task pane.",
  },
};

/** Thrown by the engine (local or in its worker); describeError shows its sentence. */
export class EngineError extends Error implements Explained {
  readonly userText: Text;
  constructor(readonly code: EngineErrorCode) {
    super(`engine: ${code}`);
    this.name = "EngineError";
    this.userText = MESSAGES[code];
  }
}
