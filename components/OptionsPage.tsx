export function OptionsPage() {
  return (
    <main>
      <h1>年报审计助手 · 设置</h1>
    </main>
  );
}
