import { render } from 'preact';
import { RecordsPage } from '@/components/RecordsPage';

render(<RecordsPage />, document.getElementById('app')!);
