import { expect, type Locator, type Page } from '@playwright/test';
import { PalettePage } from './PalettePage';

/** The app's export dialogs (project, library archive), reached like a user does: through the command palette. */
export class ExportDialogs {
  readonly palette: PalettePage;
  readonly project: Locator;
  readonly projectSelect: Locator;
  readonly folder: Locator;
  readonly citationStyle: Locator;
  readonly obsidian: Locator;
  readonly includeSources: Locator;
  readonly progress: Locator;
  readonly conflict: Locator;
  readonly projectStatus: Locator;
  readonly archive: Locator;
  readonly archivePath: Locator;
  readonly archiveConfirm: Locator;
  readonly archiveContents: Locator;
  readonly archiveStatus: Locator;

  constructor(readonly page: Page) {
    this.palette = new PalettePage(page);
    this.project = page.getByTestId('project-export-dialog');
    this.projectSelect = this.project.getByLabel('Project', { exact: true });
    this.folder = this.project.getByLabel('Export folder path');
    this.citationStyle = this.project.getByLabel('Citation style');
    this.obsidian = this.project.getByLabel(/Obsidian-compatible/);
    this.includeSources = this.project.getByLabel('Include sources');
    this.progress = this.project.getByTestId('export-progress');
    this.conflict = this.project.getByTestId('export-conflict');
    this.projectStatus = this.project.getByTestId('project-export-status');
    this.archive = page.getByTestId('archive-dialog');
    this.archivePath = this.archive.getByLabel('Archive file path');
    this.archiveConfirm = this.archive.getByTestId('archive-confirm');
    this.archiveContents = this.archive.getByTestId('archive-contents');
    this.archiveStatus = this.archive.getByTestId('archive-status');
  }

  /** Runs a palette command by typing part of its label and pressing Enter. */
  async runCommand(label: string): Promise<void> {
    await this.palette.open();
    await this.palette.type(label);
    await expect(this.palette.active()).toContainText(label);
    await this.page.keyboard.press('Enter');
  }

  async exportProject(): Promise<void> {
    await this.project.getByRole('button', { name: 'Export', exact: true }).click();
  }

  /** Records, from before the export starts, whether the progress indicator was ever on screen (it may be brief). */
  async watchProgress(): Promise<void> {
    await this.page.evaluate(() => {
      const record = window as unknown as { progressSeen: string[] };
      record.progressSeen = [];
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid="export-progress"]');
        if (bar) record.progressSeen.push(bar.textContent ?? '');
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  }

  async progressSeen(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
  }
}
