import { useState } from "react";
import { Badge, Button, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { SelfTestCheck, SelfTestReport, WorkbookOperations } from "../excel/operations";
import { useI18n } from "./i18n";
import { useCommonStyles } from "./styles";
import type { Task } from "./tabProps";

/**
 * "Tự kiểm tra trong Excel": runs, in the user's own Excel, the behaviours the
 * add-in relies on but could only assume (request size limits, settings size,
 * white fills, date formats…), and shows the answers so they can be copied
 * and sent. Everything goes through the adapter (ops.runSelfTest); the checks
 * work on a scratch sheet that is removed at the end.
 */
const TEXT = {
  vi: {
    title: "Tự kiểm tra trong Excel",
    intro: "Thử trên một trang tạm (sẽ tự xóa) các giới hạn của Excel mà bổ trợ dựa vào. Mất khoảng nửa phút; sổ làm việc của bạn không bị thay đổi.",
    run: "Bắt đầu tự kiểm tra",
    back: "Quay lại Cài đặt",
    copy: "Chép kết quả",
    copied: "Đã chép kết quả. Hãy dán vào thư gửi người hỗ trợ.",
    copyHint: "Nếu không chép được, hãy chọn toàn bộ ô dưới đây (Ctrl+A) rồi Ctrl+C.",
    versions: "Excel hỗ trợ ExcelApi: {v}",
    ok: "Đúng",
    differs: "Khác",
    error: "Lỗi",
    skipped: "Bỏ qua",
    report: "Kết quả để chép",
  },
  en: {
    title: "Self-test in Excel",
    intro: "Tries, on a temporary sheet (removed at the end), the Excel limits the add-in relies on. Takes about half a minute; your workbook is not changed.",
    run: "Start the self-test",
    back: "Back to Settings",
    copy: "Copy the results",
    copied: "Results copied. Paste them into a message to whoever supports you.",
    copyHint: "If copying does not work, select all of the box below (Ctrl+A), then Ctrl+C.",
    versions: "This Excel supports ExcelApi: {v}",
    ok: "OK",
    differs: "Differs",
    error: "Failed",
    skipped: "Skipped",
    report: "Results to copy",
  },
} as const;

const BADGE: Record<SelfTestCheck["outcome"], "success" | "warning" | "danger" | "informative"> = {
  ok: "success",
  differs: "warning",
  error: "danger",
  skipped: "informative",
};

const useStyles = makeStyles({
  check: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  head: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "flex-start" },
  badge: { flexShrink: 0, whiteSpace: "nowrap" },
  detail: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  report: { width: "100%", minHeight: "120px" },
});

export interface SelfTestPageProps {
  ops: WorkbookOperations;
  task: Task;
  onClose: () => void;
}

export function SelfTestPage({ ops, task, onClose }: SelfTestPageProps) {
  const { lang } = useI18n();
  const text = TEXT[lang];
  const styles = useStyles();
  const common = useCommonStyles();
  const [report, setReport] = useState<SelfTestReport | null>(null);

  const run = () =>
    task.run(text.title, async (onProgress) => {
      const r = await ops.runSelfTest((p) => onProgress({ fraction: p.total ? p.done / p.total : 0, step: "writing", detail: p.label }));
      setReport(r);
    });

  const copy = async () => {
    if (!report) return;
    try {
      await navigator.clipboard.writeText(report.text);
      task.setNotice({ intent: "success", text: text.copied });
    } catch {
      // The task pane may not be allowed the clipboard (Excel on the web in some browsers).
      task.setNotice({ intent: "info", text: text.copyHint });
    }
  };

  return (
    <section className={common.section} aria-labelledby="self-test-title">
      <h2 id="self-test-title" style={{ margin: 0, fontSize: tokens.fontSizeBase400 }}>{text.title}</h2>
      <p className={common.muted} style={{ margin: 0 }}>{text.intro}</p>
      <div className={common.row}>
        <Button appearance="primary" onClick={run} disabled={task.busy !== null}>{text.run}</Button>
        <Button onClick={onClose} disabled={task.busy !== null}>{text.back}</Button>
      </div>
      {report && (
        <>
          <p style={{ margin: 0 }}>{text.versions.replace("{v}", report.apiVersions.join(", ") || "?")}</p>
          <ul className={common.list} aria-label={text.title}>
            {report.checks.map((c) => (
              <li key={c.id} className={styles.check} data-outcome={c.outcome}>
                <div className={styles.head}>
                  <Badge className={styles.badge} appearance="tint" color={BADGE[c.outcome]}>{text[c.outcome]}</Badge>
                  <span className={common.wrapText}>{c.title[lang]}</span>
                </div>
                <span className={`${styles.detail} ${common.wrapText}`}>{c.detail}</span>
              </li>
            ))}
          </ul>
          <div className={common.row}>
            <Button onClick={copy}>{text.copy}</Button>
          </div>
          <Textarea className={styles.report} readOnly value={report.text} aria-label={text.report} resize="vertical" />
        </>
      )}
    </section>
  );
}
