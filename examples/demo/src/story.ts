/** Prints the demo as a short account: numbered steps, each with a few indented facts. */
export interface Story {
  step(title: string): void;
  fact(text: string): void;
  readonly lines: string[];
}

export function createStory(print: (line: string) => void = console.log): Story {
  let n = 0;
  const lines: string[] = [];
  const out = (line: string) => {
    lines.push(line);
    print(line);
  };
  return {
    step: (title) => out(`\n${++n}. ${title}`),
    fact: (text) => out(`   ${text}`),
    lines,
  };
}
