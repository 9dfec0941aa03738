// The few pdfkit calls the PDF floor benchmark makes (pdfkit ships no types; @types/pdfkit targets another version).
declare module 'pdfkit' {
  export default class PDFDocument {
    constructor(options?: { size?: string; margin?: number });
    registerFont(name: string, source: Uint8Array): this;
    font(name: string): this;
    fontSize(size: number): this;
    text(text: string, options?: { width?: number }): this;
    on(event: 'data' | 'end', listener: (chunk?: unknown) => void): this;
    end(): void;
  }
}
