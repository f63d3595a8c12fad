// pdfmake 0.3 ships no types; only what src/core/summary/pdf.ts uses is declared.
declare module 'pdfmake' {
  interface PdfmakeFontFiles {
    normal: string;
    bold: string;
    italics: string;
    bolditalics: string;
  }
  interface PdfmakeOutput {
    getBuffer(): Promise<Buffer>;
  }
  interface Pdfmake {
    setFonts(fonts: Record<string, PdfmakeFontFiles>): void;
    setUrlAccessPolicy(callback: (url: string) => boolean): void;
    setLocalAccessPolicy(callback: (path: string) => boolean): void;
    createPdf(docDefinition: object, options?: object): PdfmakeOutput;
  }
  const pdfmake: Pdfmake;
  export default pdfmake;
}

declare module 'pdfmake/fonts/Roboto' {
  const fonts: { Roboto: { normal: string; bold: string; italics: string; bolditalics: string } };
  export default fonts;
}
