# -*- coding: utf-8 -*-
nombre = 'señal'
ñ = 2
