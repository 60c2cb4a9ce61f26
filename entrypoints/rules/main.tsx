import { render } from 'preact';
import { RulesPage } from '@/components/RulesPage';
import '@/components/style.css';

render(<RulesPage />, document.getElementById('app')!);
