import * as vscode from 'vscode';
import { createSourceDocument, formatFromPath, type ContractFormat, type Range as CoreRange, type Severity, type SourceDocument } from '../core/index';

// The one file that converts between core and VS Code types.

export function toVsRange(r: CoreRange): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export function toVsSeverity(s: Severity): vscode.DiagnosticSeverity {
  return s === 'error' ? vscode.DiagnosticSeverity.Error : s === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
}

export function toSourceDocument(doc: vscode.TextDocument): SourceDocument {
  return createSourceDocument(doc.uri.toString(), doc.getText(), contractFormat(doc), doc.version);
}

export function contractFormat(doc: vscode.TextDocument): ContractFormat {
  return doc.languageId === 'markdown' || formatFromPath(doc.uri.path) === 'markdown' ? 'markdown' : 'plaintext';
}
