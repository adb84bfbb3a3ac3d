/**
 * zod/mini (the functional build: a bundle holds only the parts it uses) comes without messages;
 * AuthLens's validation speaks zod's English ones, as the classic build would. Every schema module
 * imports this first.
 */
import { config } from "zod/mini";
import { en } from "zod/locales";

config(en());
