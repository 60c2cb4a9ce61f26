import '@/lib/app/zod-without-eval';
import { render } from 'preact';
import { RulesPage } from '@/components/RulesPage';
import { Localized } from '@/components/Localized';
import '@/components/style.css';

render(<Localized page={RulesPage} title="page_rules" />, document.getElementById('app')!);
