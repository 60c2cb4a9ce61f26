import { findingHeading, findingSentence, findingStatusLine, OPINION_HEADINGS, type Opinion, type OpinionFinding } from '@/lib/app/opinion';

/** The 审核意见书 as a page: the same model, parts and sentences as the .docx. */
export function OpinionView({ opinion: o }: { opinion: Opinion }) {
  return (
    // The deliverable stays Chinese whatever the UI language.
    <article class="opinion" lang="zh-CN">
      <h1>{o.title}</h1>
      <table class="opinion-facts">
        <tbody>
          {o.facts.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{OPINION_HEADINGS.conclusion}</h2>
      <p>{o.conclusion}</p>
      <p>{o.summary.text}</p>
      <h2>{OPINION_HEADINGS.findings}</h2>
      {o.findings.length ? <Findings list={o.findings} /> : <p>无。</p>}
      {o.settled.length > 0 && (
        <>
          <h2>{OPINION_HEADINGS.settled}</h2>
          <Findings list={o.settled} settled />
        </>
      )}
      {o.reportNote.trim() && (
        <>
          <h2>{OPINION_HEADINGS.note}</h2>
          <p class="opinion-note">{o.reportNote.trim()}</p>
        </>
      )}
      <footer class="opinion-sign">
        <p>审核人：{o.auditor || '＿＿＿＿＿＿'}</p>
        <p>{o.date}</p>
      </footer>
    </article>
  );
}

function Findings({ list, settled }: { list: OpinionFinding[]; settled?: boolean }) {
  return (
    <ol class={`opinion-findings${settled ? ' settled' : ''}`}>
      {list.map((f) => (
        <li key={`${f.no}-${f.ruleId}`} class={`sev-border-${f.severity}`} data-rule={f.ruleId}>
          <p class="opinion-finding-head">{findingHeading(f)}</p>
          <p>{findingSentence(f)}</p>
          {f.excerpt && <p class="muted">原文：「{f.excerpt}」</p>}
          {f.basis && <p class="muted">依据：{f.basis}</p>}
          <p>{findingStatusLine(f)}</p>
        </li>
      ))}
    </ol>
  );
}
