/**
 * MemMachine v2 response shapes as plain records, so that every adapter that speaks
 * MemMachine's format (REST, MCP, the CLI's {@code --json}) produces the same thing. Component
 * names are camelCase; adapters serialize them in snake_case with null components omitted (as
 * MemMachine's {@code response_model_exclude_none} does).
 */
package dev.engram.core.wire;
