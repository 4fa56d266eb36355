/** The part of the `hyphen` package's Danish module the PDF export uses (the package ships no types). */
declare module 'hyphen/da' {
  export function hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number; debug?: boolean }): string;
}
