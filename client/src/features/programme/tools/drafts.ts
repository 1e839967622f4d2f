import type { Tool } from '../../../../../shared/api/programme/worksheets.ts';
import { draftKey } from '../../../forms/local-drafts.ts';
import type { Worksheet } from '../types.ts';

/** A worksheet's local draft: per member and worksheet, or per member and tool for a new one. */
export function worksheetDraftKey(
  memberId: string,
  worksheet: Pick<Worksheet, 'id'> | null,
  tool: Tool,
): string {
  return worksheet
    ? draftKey(memberId, 'worksheet', worksheet.id)
    : draftKey(memberId, 'new-worksheet', tool);
}
