# -*- coding: utf-8 -*-
café = 1
