// Reads YAML from stdin with the `yaml` package (a YAML 1.2 reader) and prints, as JSON,
// its value, its errors, and where each mapping key starts ([key, line, column], 1-based).
const YAML = require("yaml");

let text = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (text += chunk));
process.stdin.on("end", () => {
  const lineCounter = new YAML.LineCounter();
  const document = YAML.parseDocument(text, { lineCounter });
  const keys = [];
  YAML.visit(document, {
    Pair(_, pair) {
      const at = lineCounter.linePos(pair.key.range[0]);
      keys.push([String(pair.key.value), at.line, at.col]);
    },
  });
  const errors = document.errors.map((error) => error.message);
  process.stdout.write(JSON.stringify({ value: document.toJS(), errors, keys }));
});
