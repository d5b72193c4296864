/**
 * `npm run train`: Docket's receipt and invoice extraction uses hand-written layout rules
 * (src/server/modules/extraction/fields/), not learned weights, so there is nothing to train.
 * See docs/decisions/0102-extraction-layout-rules-and-ocr.md and docs/evaluation.md.
 */
process.stdout.write(
  'Nothing to train: extraction uses hand-written layout rules (see docs/evaluation.md). ' +
    'Run `npm run eval` to measure them.\n',
);
