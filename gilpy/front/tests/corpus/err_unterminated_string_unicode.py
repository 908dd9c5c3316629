café = 'señal
