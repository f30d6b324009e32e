// Check SSML documents with ssml-check-core, the Amazon (Alexa/Polly) and Google SSML
// checker, and print its verdicts as JSON.
//
// Input (standard input): a JSON list of jobs {"ssml": "<speak>...</speak>",
//   "platform": "amazon" | "google"}
// Output (standard output): a JSON list, one verdict per job: the checker's list of
//   errors ([] when it finds none), each as the checker reports it
//   ({"type": "tag", "tag": "voice", "attribute": "gender", "value": "female"}).
"use strict";

const ssmlCheck = require("ssml-check-core");

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const jobs = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const verdicts = [];
  for (const job of jobs) {
    const errors = await ssmlCheck.check(job.ssml, { platform: job.platform });
    verdicts.push(errors || []);
  }
  process.stdout.write(JSON.stringify(verdicts));
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error));
  process.exit(1);
});
