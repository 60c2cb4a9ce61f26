import { render } from 'preact';
import '@/components/style.css';
import './viewer.css';
import { ViewerPage } from './ViewerPage';

render(<ViewerPage src={new URLSearchParams(location.search).get('src') ?? ''} />, document.getElementById('app')!);
