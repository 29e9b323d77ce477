import type { PolicyPack, SourceRef } from './policy-pack-schema';

/** 'Leicestershire County Council, procedure 003, Child in Need Family Progress meetings: "…"'. */
export function cite(pack: PolicyPack, source: SourceRef): string {
  return `${pack.authority}, procedure ${source.procedure}, ${source.section}: "${source.quote}"`;
}
