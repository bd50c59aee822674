import { expect, type Locator } from '@playwright/test';

/** The tags and projects of one item (note view, article view, reader passage). */
export class ItemOrganizerPage {
  readonly tagInput: Locator;
  readonly projectInput: Locator;

  constructor(readonly root: Locator) {
    this.tagInput = root.getByTestId('organizer-tag-input');
    this.projectInput = root.getByTestId('organizer-project-input');
  }

  /** The names on the chips. */
  tags(): Locator {
    return this.root.getByTestId('organizer-tag').locator('.organizer-chip-name');
  }

  projects(): Locator {
    return this.root.getByTestId('organizer-project').locator('.organizer-chip-name');
  }

  /** Types the name and presses Enter, as a keyboard user would. */
  async addTag(name: string): Promise<void> {
    await this.tagInput.fill(name);
    await this.tagInput.press('Enter');
    await expect(this.tags().filter({ hasText: name })).toHaveCount(1);
    await expect(this.tagInput).toHaveValue('');
  }

  /** A new project: typed, then the explicit Create “…” choice (Enter only picks an existing one). */
  async createProject(name: string): Promise<void> {
    await this.projectInput.fill(name);
    await this.root.getByTestId('organizer-project-create').click();
    await expect(this.projects().filter({ hasText: name })).toHaveCount(1);
    await expect(this.projectInput).toHaveValue('');
  }

  async addToProject(name: string): Promise<void> {
    await this.projectInput.fill(name);
    await this.projectInput.press('Enter');
    await expect(this.projects().filter({ hasText: name })).toHaveCount(1);
    await expect(this.projectInput).toHaveValue('');
  }

  async removeTag(name: string): Promise<void> {
    await this.root.getByRole('button', { name: `Remove tag ${name}`, exact: true }).click();
    await expect(this.tags().filter({ hasText: name })).toHaveCount(0);
  }
}
