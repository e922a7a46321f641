import './elements/jifen-app/jifen-app';
