// Builders for small synthetic session logs (Claude Code 2.1 and Codex rollout formats), shared by the
// analysis and modified-files tests. Each builder call appends one JSONL record and returns its line.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { scratchDir } from './scratch.mjs';

export class ClaudeLog {
  constructor(cwd, sessionId = randomUUID()) {
    this.cwd = cwd;
    this.sessionId = sessionId;
    this.records = [];
    this.parent = null;
    this.calls = 0;
    this.clock = Date.parse('2026-03-01T10:00:00Z');
  }
  push(record) {
    const uuid = randomUUID();
    this.clock += 1000;
    this.records.push({
      parentUuid: this.parent,
      isSidechain: false,
      userType: 'external',
      cwd: this.cwd,
      sessionId: this.sessionId,
      version: '2.1.38',
      gitBranch: 'main',
      ...record,
      timestamp: new Date(this.clock).toISOString(),
      uuid,
    });
    this.parent = uuid;
    return { line: this.records.length, uuid };
  }
  user(text) {
    return this.push({ type: 'user', message: { role: 'user', content: text } });
  }
  thinking(text) {
    return this.push({
      type: 'assistant',
      message: { id: 'msg_' + randomUUID(), role: 'assistant', content: [{ type: 'thinking', thinking: text, signature: 'sig' }] },
    });
  }
  text(text) {
    return this.push({ type: 'assistant', message: { id: 'msg_' + randomUUID(), role: 'assistant', content: [{ type: 'text', text }] } });
  }
  /** A tool call and its result; returns both lines. */
  tool(name, input, output, { isError = false } = {}) {
    const id = `toolu_${++this.calls}`;
    const call = this.push({ type: 'assistant', message: { id: 'msg_' + randomUUID(), role: 'assistant', content: [{ type: 'tool_use', id, name, input }] } });
    const result = this.push({
      type: 'user',
      message: { role: 'user', content: [{ tool_use_id: id, type: 'tool_result', content: output, is_error: isError }] },
    });
    return { call, result };
  }
  /** The agent's question (AskUserQuestion) with its options, and the user's answer to it. */
  ask(question, options, answer) {
    return this.tool(
      'AskUserQuestion',
      { questions: [{ question, header: 'Q', multiSelect: false, options: options.map((label) => ({ label, description: label })) }] },
      `User has answered your questions: "${question}"="${answer}". You can now continue with the user's answers in mind.`,
    );
  }
  bash(command, output = '', exitCode = 0) {
    const text = exitCode === 0 ? output : `Exit code ${exitCode}\n${output}`;
    return this.tool('Bash', { command, description: 'run' }, text, { isError: exitCode !== 0 });
  }
  compact(summary) {
    const boundary = this.push({
      type: 'system',
      subtype: 'compact_boundary',
      content: 'Conversation compacted',
      compactMetadata: { trigger: 'manual', preTokens: 12345 },
    });
    const record = this.push({ type: 'user', isCompactSummary: true, message: { role: 'user', content: summary } });
    return { boundary, summary: record };
  }
  write(dir = scratchDir('handover-analysis-')) {
    const path = join(dir, `${this.sessionId}.jsonl`);
    writeFileSync(path, this.records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    return path;
  }
}

export class CodexLog {
  constructor(cwd, sessionId = randomUUID()) {
    this.cwd = cwd;
    this.sessionId = sessionId;
    this.records = [];
    this.calls = 0;
    this.clock = Date.parse('2026-03-01T10:00:00Z');
    this.push('session_meta', {
      id: sessionId,
      timestamp: new Date(this.clock).toISOString(),
      cwd,
      originator: 'codex_exec',
      cli_version: '0.169.0',
      git: { branch: 'feature/x' },
    });
    this.push('turn_context', { cwd, model: 'gpt-5.5' });
  }
  push(type, payload) {
    this.clock += 1000;
    this.records.push({ timestamp: new Date(this.clock).toISOString(), type, payload });
    return { line: this.records.length };
  }
  user(text) {
    return this.push('response_item', { type: 'message', role: 'user', content: [{ type: 'input_text', text }] });
  }
  reasoning(text) {
    return this.push('response_item', { type: 'reasoning', id: 'rs_' + this.records.length, summary: [{ type: 'summary_text', text }], content: null });
  }
  text(text) {
    return this.push('response_item', { type: 'message', id: 'msg_' + this.records.length, role: 'assistant', content: [{ type: 'output_text', text }] });
  }
  exec(cmd, output = '', exitCode = 0, extra = {}) {
    const id = `call_${++this.calls}`;
    const call = this.push('response_item', {
      type: 'function_call',
      id: 'fc_' + id,
      name: 'exec_command',
      arguments: JSON.stringify({ cmd, ...extra }),
      call_id: id,
    });
    const result = this.push('response_item', {
      type: 'function_call_output',
      call_id: id,
      output: `Chunk ID: abc\nWall time: 0.5 seconds\nProcess exited with code ${exitCode}\nOriginal token count: 10\nOutput:\n${output}`,
    });
    return { call, result };
  }
  shellArray(command, output = '', exitCode = 0) {
    const id = `call_${++this.calls}`;
    const call = this.push('response_item', { type: 'function_call', id: 'fc_' + id, name: 'shell', arguments: JSON.stringify({ command }), call_id: id });
    const result = this.push('response_item', {
      type: 'function_call_output',
      call_id: id,
      output: JSON.stringify({ output, metadata: { exit_code: exitCode } }),
    });
    return { call, result };
  }
  patch(text) {
    const id = `call_${++this.calls}`;
    const call = this.push('response_item', { type: 'custom_tool_call', id: 'ctc_' + id, call_id: id, name: 'apply_patch', input: text, status: 'completed' });
    const result = this.push('response_item', {
      type: 'custom_tool_call_output',
      call_id: id,
      output: 'Exit code: 0\nWall time: 0 seconds\nOutput:\nSuccess.',
    });
    return { call, result };
  }
  /** Code mode (Codex 0.14x): the model's script calls the tools; its output is the script's, in parts. */
  codeMode(script, output = '', { failed = false } = {}) {
    const id = `call_${++this.calls}`;
    const call = this.push('response_item', { type: 'custom_tool_call', id: 'ctc_' + id, call_id: id, name: 'exec', input: script, status: 'completed' });
    const result = this.push('response_item', {
      type: 'custom_tool_call_output',
      call_id: id,
      output: [
        { type: 'input_text', text: `Script ${failed ? 'failed' : 'completed'}\nWall time 1.2 seconds\nOutput:\n` },
        { type: 'input_text', text: output },
      ],
    });
    return { call, result };
  }
  plan(plan) {
    const id = `call_${++this.calls}`;
    const call = this.push('response_item', { type: 'function_call', id: 'fc_' + id, name: 'update_plan', arguments: JSON.stringify({ plan }), call_id: id });
    this.push('response_item', { type: 'function_call_output', call_id: id, output: 'Plan updated' });
    return { call };
  }
  write(dir = scratchDir('handover-analysis-')) {
    const path = join(dir, `rollout-2026-03-01T10-00-00-${this.sessionId}.jsonl`);
    writeFileSync(path, this.records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    return path;
  }
}
