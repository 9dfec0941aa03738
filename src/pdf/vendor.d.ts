declare module 'virtual:pdf-fonts' {
  /** Bitmap (base64) of the Hangul syllables the subset font covers; see hangulCoverage(). */
  export const subsetHangulCoverage: string;
  export const fontFiles: string[];
}
