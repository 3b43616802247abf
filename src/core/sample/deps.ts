// The model and text helpers the sample uses, in one place.
export * from "../model";
export { fold } from "../text/fold";
