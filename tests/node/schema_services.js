// Ask the JSON and YAML language services that editors run for completion, hover and
// diagnostics on prompt files, and print what they answer as JSON.
//
// Input (standard input): a JSON list of jobs
//   {"language": "json" | "yaml", "uri": "file:///.../prompt.play.json", "text": "...",
//    "complete": [[line, character], ...], "hover": [[line, character], ...],
//    "schemas": [{"uri": "file:///...", "fileMatch": ["*.play.json"]}]   (optional)}
// Output (standard output): a JSON list, one result per job
//   {"completions": [[label, ...], ...], "hovers": ["markdown", ...],
//    "diagnostics": [{"line": n, "message": "..."}], "requested": ["file:///...", ...]}
//
// Schemas are read from local files only: any other URI is refused (and listed in
// "requested"), so a test can prove that no network is used.
"use strict";

const fs = require("fs");
const { fileURLToPath } = require("url");
const json = require("vscode-json-languageservice");
const yaml = require("yaml-language-server/lib/umd/languageservice/yamlLanguageService");
const { TextDocument } = require("vscode-languageserver-textdocument");

const requested = [];

function schemaRequestService(uri) {
  requested.push(uri);
  if (!uri.startsWith("file://")) {
    return Promise.reject(`refused: ${uri} is not a local file`);
  }
  try {
    return Promise.resolve(fs.readFileSync(fileURLToPath(uri), "utf8"));
  } catch (error) {
    return Promise.reject(String(error));
  }
}

const workspaceContext = {
  resolveRelativePath: (relative, resource) => new URL(relative, resource).href,
};

function labels(list) {
  return (list ? list.items : []).map((item) => item.label);
}

function hoverText(hover) {
  if (!hover) return "";
  const parts = Array.isArray(hover.contents) ? hover.contents : [hover.contents];
  return parts.map((part) => (typeof part === "string" ? part : part.value)).join("\n");
}

function diagnostics(found) {
  return found.map((d) => ({ line: d.range.start.line, message: d.message, severity: d.severity }));
}

// Completion and hover at each of the job's positions, through the service's own calls.
async function ask(job, complete, hover) {
  const position = ([line, character]) => ({ line, character });
  const completions = [];
  for (const at of job.complete || []) {
    completions.push(labels(await complete(position(at))));
  }
  const hovers = [];
  for (const at of job.hover || []) {
    hovers.push(hoverText(await hover(position(at))));
  }
  return { completions, hovers };
}

async function runJson(job) {
  const service = json.getLanguageService({ schemaRequestService, workspaceContext });
  service.configure({ validate: true, allowComments: false, schemas: job.schemas || [] });
  const document = TextDocument.create(job.uri, "json", 1, job.text);
  const parsed = service.parseJSONDocument(document);
  const asked = await ask(
    job,
    (at) => service.doComplete(document, at, parsed),
    (at) => service.doHover(document, at, parsed),
  );
  const found = await service.doValidation(document, parsed, { schemaValidation: "error" });
  return { ...asked, diagnostics: diagnostics(found) };
}

async function runYaml(job) {
  const service = yaml.getLanguageService({ schemaRequestService, workspaceContext });
  service.configure({
    validate: true,
    hover: true,
    completion: true,
    hoverSchemaSource: false,
    schemas: (job.schemas || []).map((s) => ({ uri: s.uri, fileMatch: s.fileMatch })),
  });
  const document = TextDocument.create(job.uri, "yaml", 1, job.text);
  const asked = await ask(
    job,
    (at) => service.doComplete(document, at, false),
    (at) => service.doHover(document, at),
  );
  const found = await service.doValidation(document, false);
  return { ...asked, diagnostics: diagnostics(found) };
}

async function main() {
  const jobs = JSON.parse(fs.readFileSync(0, "utf8"));
  const results = [];
  for (const job of jobs) {
    requested.length = 0;
    const result = job.language === "yaml" ? await runYaml(job) : await runJson(job);
    results.push({ ...result, requested: [...requested] });
  }
  process.stdout.write(JSON.stringify(results));
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + "\n");
  process.exit(1);
});
