/**
 * The background script: the only place that talks to Thunderbird for behaviour. It stays thin:
 * it reads headers and settings through Thunderbird's APIs and hands them to src/core.
 */
import { start } from "./start.js";

start();
