/** Prints the demo as a short account: numbered steps, each with a few indented facts. */
export interface Story {
  step(title: string): void;
  fact(text: string): void;
  /**
   * A long step's progress: call the result with how many of `total` are done. It prints a line each time
   * another fifth is done (and at the end), so a long step shows it is moving without flooding the account.
   */
  progress(label: string, total: number): (done: number) => void;
  readonly lines: string[];
}

const count = (n: number) => n.toLocaleString("en-US");

export function createStory(print: (line: string) => void = console.log): Story {
  let n = 0;
  const lines: string[] = [];
  const out = (line: string) => {
    lines.push(line);
    print(line);
  };
  const fact = (text: string) => out(`   ${text}`);
  return {
    step: (title) => out(`\n${++n}. ${title}`),
    fact,
    progress(label, total) {
      let shownFifths = 0;
      return (done) => {
        const fifths = total === 0 ? 5 : Math.floor((done / total) * 5);
        if (fifths <= shownFifths) return;
        shownFifths = fifths;
        const bar = "#".repeat(fifths * 4).padEnd(20, ".");
        fact(`[${bar}] ${label}: ${count(done)} of ${count(total)}`);
      };
    },
    lines,
  };
}
