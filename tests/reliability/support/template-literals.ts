// Finds the template literals of a TypeScript source and what each interpolates (`${…}`), nested
// templates included. A small lexer, enough for this code base: it skips comments and quoted
// strings so their backticks do not count.
export interface Template {
  line: number;
  /** The literal's fixed text, each interpolation replaced by ${}. */
  text: string;
  expressions: string[];
}

export function templateLiterals(source: string): Template[] {
  const found: Template[] = [];
  let i = 0;
  const lineAt = (pos: number) => source.slice(0, pos).split("\n").length;

  function skipQuoted(quote: string): void {
    for (i += 1; i < source.length && source[i] !== quote; i += 1) if (source[i] === "\\") i += 1;
    i += 1;
  }

  /** Reads an expression up to its closing brace; nested templates are recorded too. */
  function readExpression(): string {
    const start = i;
    let depth = 0;
    while (i < source.length) {
      const c = source[i]!;
      if (c === "`") readTemplate();
      else if (c === '"' || c === "'") skipQuoted(c);
      else if (c === "{") (depth += 1), (i += 1);
      else if (c === "}") {
        if (depth === 0) break;
        depth -= 1;
        i += 1;
      } else i += 1;
    }
    const expr = source.slice(start, i).trim();
    i += 1; // the closing }
    return expr;
  }

  function readTemplate(): void {
    const start = i;
    i += 1;
    let text = "";
    const expressions: string[] = [];
    while (i < source.length && source[i] !== "`") {
      if (source[i] === "\\") {
        text += source.slice(i, i + 2);
        i += 2;
      } else if (source[i] === "$" && source[i + 1] === "{") {
        i += 2;
        expressions.push(readExpression());
        text += "${}";
      } else {
        text += source[i];
        i += 1;
      }
    }
    i += 1;
    found.push({ line: lineAt(start), text, expressions });
  }

  while (i < source.length) {
    const c = source[i]!;
    if (c === "/" && source[i + 1] === "/") i = source.indexOf("\n", i) === -1 ? source.length : source.indexOf("\n", i);
    else if (c === "/" && source[i + 1] === "*") i = source.indexOf("*/", i) + 2;
    else if (c === '"' || c === "'") skipQuoted(c);
    else if (c === "`") readTemplate();
    else i += 1;
  }
  return found;
}
