/** The slice of the `solc` npm package (which ships no types) that the compile script uses. */
declare module 'solc' {
  const solc: {
    compile(input: string): string
    version(): string
  }
  export default solc
}
