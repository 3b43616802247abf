import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  // A hidden character written out must not pass for text the office typed.
  mark: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: "0.85em",
    backgroundColor: tokens.colorNeutralBackground5,
    color: tokens.colorNeutralForeground1,
    borderRadius: tokens.borderRadiusSmall,
    paddingLeft: "1px",
    paddingRight: "1px",
  },
});

/** "⟨RLM⟩", "⟨ZWSP⟩", "⟨U+E0041⟩": what core/text/visible writes in place of a hidden character. */
const MARK = /(⟨(?:[A-Z]{2,4}|U\+[0-9A-F]{4,6})⟩)/;

/** Text already passed through `revealInvisible`, with each written-out character set apart. */
export function VisibleText({ text }: { text: string }) {
  const styles = useStyles();
  if (!text.includes("⟨")) return <>{text}</>;
  const parts = text.split(MARK);
  return (
    <>
      {parts.map((p, i) => (i % 2 === 1 ? <span key={i} className={styles.mark}>{p}</span> : p))}
    </>
  );
}
