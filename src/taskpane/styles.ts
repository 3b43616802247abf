import { makeStyles, tokens } from "@fluentui/react-components";

/** Layout shared by the tabs: one column that holds from 320 px to 450 px wide. */
export const useCommonStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalM,
    minWidth: 0,
  },
  row: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    alignItems: "flex-end",
  },
  grow: { flexGrow: 1, minWidth: "120px" },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  // Long Vietnamese names and sheet names must wrap, never push the pane wider.
  wrapText: { overflowWrap: "anywhere", wordBreak: "break-word" },
  card: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
  },
});
