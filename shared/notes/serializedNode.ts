/** Lexical's serialized editor state, as stored in notes.content_json: only the fields Dossier reads. */
export interface SerializedNode {
  type: string;
  version?: number;
  text?: string;
  children?: SerializedNode[];
  [key: string]: unknown;
}

export interface SerializedEditorState {
  root: SerializedNode & { type: 'root'; children: SerializedNode[] };
}
