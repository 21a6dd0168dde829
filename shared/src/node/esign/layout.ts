/**
 * Text flow onto A4 pages for offer and audit pages: wrapped paragraphs, label/value rows, rules,
 * and a footer on every page added, with new pages when the text runs over.
 */
import { rgb, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { wrapText } from './font.js';

export const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const FOOTER_Y = 30;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.4, 0.4, 0.45);
const ACCENT = rgb(0.05, 0.3, 0.6);

export class TextFlow {
  readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  private y = 0;
  private readonly width = A4[0] - 2 * MARGIN;

  constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
  ) {
    this.newPage();
  }

  private newPage(): void {
    this.page = this.doc.addPage(A4);
    this.pages.push(this.page);
    this.y = A4[1] - MARGIN;
  }

  private ensure(height: number): void {
    if (this.y - height < MARGIN + 10) this.newPage();
  }

  /** Starts the next block on a fresh page unless the current one is still empty. */
  pageBreak(): void {
    if (this.y < A4[1] - MARGIN) this.newPage();
  }

  gap(points: number): void {
    this.y -= points;
  }

  heading(text: string, size: number, opts: { color?: 'accent' | 'ink' } = {}): void {
    this.paragraph(text, size, { color: opts.color ?? 'accent', leading: 1.35 });
  }

  paragraph(text: string, size: number, opts: { indent?: number; color?: 'accent' | 'ink' | 'muted'; leading?: number } = {}): void {
    const indent = opts.indent ?? 0;
    const lineHeight = size * (opts.leading ?? 1.55);
    const color = opts.color === 'accent' ? ACCENT : opts.color === 'muted' ? MUTED : INK;
    for (const line of wrapText(text, size, this.width - indent)) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      if (line) this.page.drawText(line, { x: MARGIN + indent, y: this.y + (lineHeight - size) / 2, size, font: this.font, color });
    }
  }

  /** A label in a fixed column with its value wrapped beside it. */
  field(label: string, value: string, size: number, labelWidth: number): void {
    const lineHeight = size * 1.55;
    const lines = wrapText(value, size, this.width - labelWidth);
    lines.forEach((line, i) => {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      const y = this.y + (lineHeight - size) / 2;
      if (i === 0) this.page.drawText(label, { x: MARGIN, y, size, font: this.font, color: MUTED });
      if (line) this.page.drawText(line, { x: MARGIN + labelWidth, y, size, font: this.font, color: INK });
    });
  }

  rule(): void {
    this.ensure(12);
    this.y -= 6;
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: A4[0] - MARGIN, y: this.y }, thickness: 0.5, color: MUTED });
    this.y -= 6;
  }

  /** Draws `footer(pageNumber, pageCount)` at the bottom of every page this flow added. */
  footers(footer: (page: number, count: number) => string): void {
    this.pages.forEach((page, i) => {
      page.drawText(footer(i + 1, this.pages.length), { x: MARGIN, y: FOOTER_Y, size: 8, font: this.font, color: MUTED });
    });
  }
}

/** `2026-11-27T08:00:00.000Z` → `2026-11-27 16:00` in Beijing time (UTC+8, no daylight saving). */
export function beijingTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3_600_000);
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)}`;
}

/** 12345.5 → "12,345.50"; whole numbers without decimals. */
export function formatYuan(amount: number): string {
  const fixed = Number.isInteger(amount) ? String(amount) : amount.toFixed(2);
  const [whole = '0', frac] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}
