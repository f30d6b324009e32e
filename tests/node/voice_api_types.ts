// Compiled by tests/test_genclient.py with `tsc --noEmit --strict` against the types
// openapi-typescript generates from ttsbuilder's OpenAPI document (./voice-api.d.ts).
// Each line under @ts-expect-error must be a type error, and every other line must not
// (docs/clients.md, "The OpenAPI document", says what this shows).
import type { operations } from "./voice-api";

type Body<Name extends keyof operations> = operations[Name] extends {
  requestBody: { content: { "application/json": infer B } };
}
  ? B
  : never;

// Good bodies of every kind, the tree's members in the order they are spoken.
export const play: Body<"play"> = {
  text_to_speech_option: {
    text: "Hello",
    break: { value: "500ms", strength: "medium" },
    text2: "your number is",
    "say-as": { "interpret-as": "telephone", format: "1", text: "(888) 555-1212" },
    "express-as": { style: "gentle", text: "Goodbye", prosody: { rate: "slow", text: "now" } },
    prosody: { pitch: "high", volume: "+10", text: "a", prosody: { rate: "fast", text: "b" } },
  },
};
export const spoken: Body<"play"> = { text: "Hello", voice: "female", language: "en-US" };
export const dialOut: Body<"dial_out"> = {
  from: "+15550100000",
  to: "sip:alice@example.com",
  action_on_connect: { play: { prompt_name: "welcome" } },
  event_url: "https://example.com/events",
};
export const connect: Body<"connect"> = { from: "+15550100000", to: "+15550100001" };
export const transfer: Body<"transfer"> = { from: "+15550100000", transfer_to: "+15550100002" };
export const forward: Body<"forward"> = { from: "+15550100000", to: "+15550100001" };
export const hold: Body<"hold"> = { hold: true };
export const start: Body<"recording"> = { start: true, recording_name: "call-1" };
export const stop: Body<"recording"> = { stop: true };

// What the types refuse.
// @ts-expect-error a voice is male or female
export const robot: Body<"play"> = { text: "Hi", voice: "robot" };
// @ts-expect-error a member is text or an element, not a number
export const number: Body<"play"> = { text_to_speech_option: { text: 5 } };
// @ts-expect-error a bridge needs both numbers
export const half: Body<"connect"> = { from: "+15550100000" };
// @ts-expect-error hold is a boolean
export const yes: Body<"hold"> = { hold: "yes" };
// @ts-expect-error recording starts with true: false does nothing
export const no: Body<"recording"> = { start: false };
// @ts-expect-error the play of a dial-out is typed too
export const nested: Body<"dial_out"> = { from: "+15550100000", to: "+15550100001", action_on_connect: { play: { voice: "robot" } } };
// @ts-expect-error dial-out has no field 'action'
export const action: Body<"dial_out"> = { from: "+15550100000", to: "+15550100001", action: {} };

// What the types let through, because a member's name does not pick its type (any
// member value may be any member kind, and a prosody takes any member names) and a
// style is any string (it is matched case-insensitively). ttsbuilder's check refuses each
// (the style in the enablex profile; azure takes a custom voice's style with a warning).
export const bogus: Body<"play"> = { text_to_speech_option: { "say-as": { "interpret-as": "bogus", text: "1" } } };
export const noValue: Body<"play"> = { text_to_speech_option: { break: { strength: "weak" } } };
export const grumpy: Body<"play"> = { text_to_speech_option: { "express-as": { style: "grumpy", text: "Hi" } } };

// Sixteen prosody levels fit; a seventeenth is refused, as the schemas refuse it (TTS111).
const sixteen = {
  rate: "fast", prosody: { rate: "fast", prosody: { rate: "fast", prosody: { rate: "fast",
    prosody: { rate: "fast", prosody: { rate: "fast", prosody: { rate: "fast", prosody: { rate: "fast",
      prosody: { rate: "fast", prosody: { rate: "fast", prosody: { rate: "fast", prosody: { rate: "fast",
        prosody: { rate: "fast", prosody: { rate: "fast", prosody: { rate: "fast", prosody: { rate: "fast",
          text: "sixteen" } } } } } } } } } } } } } } },
};
export const deep: Body<"play"> = { text_to_speech_option: { prosody: sixteen } };
// @ts-expect-error a seventeenth level
export const tooDeep: Body<"play"> = { text_to_speech_option: { prosody: { rate: "fast", prosody: sixteen } } };
