/**
 * The ribbon's function file. The add-in's only ribbon button opens the task
 * pane (ShowTaskpane needs no code), but the manifest requires this page, and
 * Office waits for onReady before it considers it loaded.
 */
Office.onReady(() => undefined);
