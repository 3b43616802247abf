import { useMemo, useState } from "react";
import { Button, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import {
  FIELDS, columnLetter, type CellValue, type DetectedTable, type SheetData, type UserMapping, type WorkbookData,
} from "../core/model";
import { useI18n } from "./i18n";
import { useCommonStyles } from "./styles";

const PREVIEW_ROWS = 3;

const useStyles = makeStyles({
  // Label beside its dropdown: 18 fields stacked label-over-box would be a very long page at 320 px.
  field: { minWidth: 0, display: "grid", gridTemplateColumns: "minmax(0, 2fr) minmax(0, 3fr)", columnGap: tokens.spacingHorizontalS, alignItems: "center" },
  select: { minWidth: 0 },
  preview: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
});

export function cellAt(sheet: SheetData | undefined, row: number, col: number): CellValue {
  if (!sheet) return "";
  return sheet.values[row - sheet.originRow]?.[col - sheet.originCol] ?? "";
}

/** Every column the table spans, mapped or not, with its header text, for the dropdowns. */
export function tableColumns(table: DetectedTable): Array<{ col: number; header: string }> {
  const byCol = new Map<number, string>();
  for (const m of Object.values(table.columns) as Array<{ col: number; header: string } | undefined>) if (m) byCol.set(m.col, m.header);
  for (const u of table.unmapped) if (!byCol.has(u.col)) byCol.set(u.col, u.header);
  return [...byCol.entries()].sort((a, b) => a[0] - b[0]).map(([col, header]) => ({ col, header }));
}

export function currentMapping(table: DetectedTable): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [field, m] of Object.entries(table.columns) as Array<[string, { col: number } | undefined]>) if (m) out[field] = m.col;
  return out;
}

export interface MappingEditorProps {
  table: DetectedTable;
  workbook: WorkbookData;
  onSave: (m: UserMapping) => void;
  disabled?: boolean;
}

/** One dropdown per field of the table's kind, each with the first values it would read, so a wrong column shows at once. */
export function MappingEditor({ table, workbook, onSave, disabled }: MappingEditorProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const common = useCommonStyles();
  const [mapping, setMapping] = useState<Record<string, number>>(() => currentMapping(table));
  const columns = useMemo(() => tableColumns(table), [table]);
  const sheet = workbook.sheets.find((s) => s.name === table.sheet);
  const previewRows = table.dataRows.slice(0, PREVIEW_ROWS);

  return (
    <div className={common.section} aria-label={t("editMapping")}>
      <span className={common.muted}>{t("preview")}</span>
      {FIELDS[table.kind].map((def) => {
        const col = mapping[def.key];
        const sample = col ? previewRows.map((r) => String(cellAt(sheet, r, col))).filter((v) => v !== "").join(" · ") : "";
        return (
          <Field key={def.key} className={styles.field} orientation="horizontal" size="small" label={`${def.label[lang]}${def.required ? " *" : ""}`}>
            <Select
              className={styles.select}
              size="small"
              value={col ? String(col) : ""}
              disabled={disabled}
              onChange={(_, d) => setMapping((m) => {
                const next = { ...m };
                if (d.value) next[def.key] = Number(d.value);
                else delete next[def.key];
                return next;
              })}
            >
              <option value="">{t("notMapped")}</option>
              {columns.map((c) => <option key={c.col} value={c.col}>{`${columnLetter(c.col)}: ${c.header}`}</option>)}
            </Select>
            {sample && <span className={styles.preview} style={{ gridColumn: "1 / -1" }}>{sample}</span>}
          </Field>
        );
      })}
      <div className={common.row}>
        <Button
          appearance="primary"
          disabled={disabled}
          onClick={() => onSave({ kind: table.kind, sheet: table.sheet, headerTop: table.headerTop, headerBottom: table.headerBottom, columns: mapping } as UserMapping)}
        >
          {t("saveMapping")}
        </Button>
      </div>
    </div>
  );
}
