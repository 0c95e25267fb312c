/**
 * Vite's `?raw` imports (a file's text, bundled at build time): how a workerd test reads a
 * file of the repository, which it cannot open at run time (test/http/readme-tour.test.ts).
 */
declare module '*?raw' {
  const text: string;
  export default text;
}
